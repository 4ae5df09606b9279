package io.floodgate.payment.ledger;

import io.floodgate.contracts.hold.HoldSold;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Writes orders into PostgreSQL, idempotently: replaying the same events changes nothing. */
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
