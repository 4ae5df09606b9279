package io.floodgate.payment.ledger;

import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.payment.reconcile.LedgerOrder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The orders ledger in PostgreSQL. Writes are idempotent: replaying the same events changes nothing. */
@Singleton
public class OrderLedger {
    private static final Logger LOG = LoggerFactory.getLogger(OrderLedger.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT_ORDER = """
            INSERT INTO orders (order_id, sale_id, buyer_id, section_id, amount_cents, currency, charge_id,
                                correlation_id, event_id, sold_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_id) DO NOTHING""";
    private static final String INSERT_SEAT = """
            INSERT INTO order_seats (order_id, sale_id, section_id, seat) VALUES (?, ?, ?, ?)
            ON CONFLICT (order_id, seat) DO NOTHING""";

    private static final String SELECT_ORDERS = """
            SELECT o.order_id, o.charge_id, o.amount_cents, o.currency, o.section_id,
                   array_remove(array_agg(s.seat ORDER BY s.seat), NULL) AS seats
            FROM orders o LEFT JOIN order_seats s ON s.order_id = o.order_id
            WHERE o.sale_id = ?
            GROUP BY o.order_id ORDER BY o.order_id""";

    private final DataSource dataSource;

    public OrderLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the order of a sold hold. Returns false, leaving the ledger unchanged, when one of its
     * seats already belongs to another order: an oversell that must be investigated, not hidden.
     */
    public boolean record(HoldSold sold) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertOrder(c, sold);
                insertSeats(c, sold);
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    LOG.error("order {} of sale {} names a seat already sold to another order: {}",
                            sold.holdId(), sold.meta().saleId(), e.getMessage());
                    return false;
                }
                throw e;
            }
        }
    }

    /** Every order of a sale, with its seats, in order id order. */
    public List<LedgerOrder> orders(String saleId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(SELECT_ORDERS)) {
            s.setString(1, saleId);
            List<LedgerOrder> orders = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    Array seats = rows.getArray("seats");
                    orders.add(new LedgerOrder(rows.getString("order_id"), rows.getString("charge_id"),
                            rows.getLong("amount_cents"), rows.getString("currency"), rows.getString("section_id"),
                            seats == null ? List.of() : Arrays.asList((String[]) seats.getArray())));
                }
            }
            return orders;
        }
    }

    private static void insertOrder(Connection c, HoldSold sold) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_ORDER)) {
            s.setString(1, sold.holdId());
            s.setString(2, sold.meta().saleId());
            s.setString(3, sold.buyerId());
            s.setString(4, sold.sectionId());
            s.setLong(5, sold.amountCents());
            s.setString(6, sold.currency());
            s.setString(7, sold.chargeId());
            s.setString(8, sold.meta().correlationId());
            s.setString(9, sold.meta().eventId());
            s.setTimestamp(10, Timestamp.from(sold.meta().occurredAt()));
            s.executeUpdate();
        }
    }

    private static void insertSeats(Connection c, HoldSold sold) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_SEAT)) {
            for (String seat : sold.seats()) {
                s.setString(1, sold.holdId());
                s.setString(2, sold.meta().saleId());
                s.setString(3, sold.sectionId());
                s.setString(4, seat);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
