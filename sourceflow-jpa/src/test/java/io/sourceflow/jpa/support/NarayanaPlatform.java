package io.sourceflow.jpa.support;

import jakarta.transaction.TransactionManager;
import org.eclipse.persistence.platform.server.ServerPlatformBase;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.ExternalTransactionController;
import org.eclipse.persistence.transaction.JTATransactionController;

/** EclipseLink's view of the "server" outside one: JTA is Narayana's transaction manager. */
public class NarayanaPlatform extends ServerPlatformBase {

    /** @param session the EclipseLink session */
    public NarayanaPlatform(DatabaseSession session) {
        super(session);
    }

    @Override
    public Class<? extends ExternalTransactionController> getExternalTransactionControllerClass() {
        return Controller.class;
    }

    /** Hands EclipseLink Narayana's transaction manager. */
    public static class Controller extends JTATransactionController {

        @Override
        protected TransactionManager acquireTransactionManager() {
            return com.arjuna.ats.jta.TransactionManager.transactionManager();
        }
    }
}
