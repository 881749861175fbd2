package io.sourceflow.jpa.bank;

import io.sourceflow.Aggregate;
import io.sourceflow.EntityRef;
import io.sourceflow.Metadata;
import io.sourceflow.Subscribes;
import io.sourceflow.jpa.bank.Commands.CloseAccount;
import io.sourceflow.jpa.bank.Commands.CreateAccount;
import io.sourceflow.jpa.bank.Commands.DepositMoney;
import io.sourceflow.jpa.bank.Commands.WithdrawMoney;
import io.sourceflow.jpa.bank.Events.AccountCreated;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The façade the application calls; remembers the accounts it saw created. */
@ApplicationScoped
public class AccountAggregate extends Aggregate<BankAccount> {

    private final List<Metadata> created = Collections.synchronizedList(new ArrayList<>());

    public Metadata open(String id, String name, BigDecimal amount) {
        return send(new CreateAccount(EntityRef.of(id).asNew(), name, amount));
    }

    public Metadata deposit(String id, BigDecimal amount) {
        return send(new DepositMoney(EntityRef.of(id), amount));
    }

    public Metadata withdraw(String id, BigDecimal amount) {
        return send(new WithdrawMoney(EntityRef.of(id), amount));
    }

    public Metadata close(String id, String reason) {
        return send(new CloseAccount(EntityRef.of(id), reason));
    }

    public long rebuild(String id) {
        return replay(EntityRef.of(id));
    }

    @Subscribes
    void on(AccountCreated event, Metadata metadata) {
        created.add(metadata);
    }

    public List<Metadata> created() {
        return List.copyOf(created);
    }
}
