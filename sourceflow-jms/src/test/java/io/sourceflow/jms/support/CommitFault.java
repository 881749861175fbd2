package io.sourceflow.jms.support;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An XA branch whose commit fails once when asked to, without reaching the broker: a phase-two
 * commit throws {@code XA_RETRY} (the branch stays prepared), a one-phase commit {@code XAER_RMFAIL}.
 * Everything else goes to the broker's branch.
 */
final class CommitFault implements XAResource {

    private final XAResource branch;
    private final AtomicBoolean failNext;

    CommitFault(XAResource branch, AtomicBoolean failNext) {
        this.branch = branch;
        this.failNext = failNext;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        if (failNext.compareAndSet(true, false)) {
            throw new XAException(onePhase ? XAException.XAER_RMFAIL : XAException.XA_RETRY);
        }
        branch.commit(xid, onePhase);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        branch.end(xid, flags);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        branch.forget(xid);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return branch.getTransactionTimeout();
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return other == this || branch.isSameRM(other instanceof CommitFault fault ? fault.branch : other);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return branch.prepare(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return branch.recover(flag);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        branch.rollback(xid);
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return branch.setTransactionTimeout(seconds);
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        branch.start(xid, flags);
    }
}
