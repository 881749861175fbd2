package io.sourceflow.sample.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Searches the account read models with JPQL. */
@ApplicationScoped
public class AccountQueries {

    @PersistenceContext(unitName = "sourceflow")
    EntityManager entityManager;

    /**
     * Accounts matching every given criterion, ordered by name then id.
     *
     * @param criteria what to match; null fields match everything
     * @param first index of the first result
     * @param max most results to return
     * @return the page of accounts
     */
    public List<AccountViewModel> search(Criteria criteria, int first, int max) {
        // Only the given criteria become conditions: Derby rejects "? IS NULL" on untyped parameters.
        StringBuilder jpql = new StringBuilder("SELECT a FROM AccountViewModel a WHERE 1 = 1");
        if (criteria.nameContains() != null) {
            jpql.append(" AND LOWER(a.accountName) LIKE :name");
        }
        if (criteria.closed() != null) {
            jpql.append(" AND a.closed = :closed");
        }
        if (criteria.minBalance() != null) {
            jpql.append(" AND a.currentBalance >= :minBalance");
        }
        jpql.append(" ORDER BY a.accountName, a.id");
        TypedQuery<AccountViewModel> query = entityManager.createQuery(jpql.toString(), AccountViewModel.class);
        if (criteria.nameContains() != null) {
            query.setParameter("name", "%" + criteria.nameContains().toLowerCase(Locale.ROOT) + "%");
        }
        if (criteria.closed() != null) {
            query.setParameter("closed", criteria.closed());
        }
        if (criteria.minBalance() != null) {
            query.setParameter("minBalance", criteria.minBalance());
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * Search criteria; a null field matches everything.
     *
     * @param nameContains part of the holder's name, any case
     * @param closed closed or open accounts only
     * @param minBalance accounts holding at least this much
     */
    public record Criteria(String nameContains, Boolean closed, BigDecimal minBalance) {
    }
}
