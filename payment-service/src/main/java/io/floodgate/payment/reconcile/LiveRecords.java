package io.floodgate.payment.reconcile;

import io.floodgate.contracts.Topics;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.payment.ledger.OrderLedger;
import io.floodgate.payment.provider.PaymentProvider;
import io.floodgate.platform.kafka.TopicLog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Gathers a sale's three records from the running systems: PostgreSQL, Kafka and the provider. */
public final class LiveRecords {
    private LiveRecords() {
    }

    public static Reconciliation reconcile(String saleId, OrderLedger ledger, TopicLog log, PaymentProvider provider)
            throws SQLException {
        List<HoldSold> sold = new ArrayList<>();
        List<HoldSaleRefused> refused = new ArrayList<>();
        for (TopicLog.Entry entry : log.read(List.of(Topics.HOLDS))) {
            if (!saleId.equals(entry.event().meta().saleId())) {
                continue;
            }
            if (entry.event() instanceof HoldSold s) {
                sold.add(s);
            } else if (entry.event() instanceof HoldSaleRefused r) {
                refused.add(r);
            }
        }
        return Reconciler.reconcile(saleId, ledger.orders(saleId), sold, refused, provider.charges(saleId));
    }
}
