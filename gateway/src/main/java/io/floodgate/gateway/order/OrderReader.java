package io.floodgate.gateway.order;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the orders ledger that payment-service keeps in PostgreSQL. */
@Singleton
public class OrderReader {
    private static final String ORDER = """
            SELECT o.order_id, o.sale_id, o.buyer_id, o.section_id, o.amount_cents, o.currency, o.charge_id,
                   o.sold_at, s.seat
            FROM orders o JOIN order_seats s ON s.order_id = o.order_id
            WHERE o.order_id = ? ORDER BY s.seat""";

    private final DataSource dataSource;

    public OrderReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<OrderResponse> find(String orderId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ORDER)) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                OrderResponse first = null;
                List<String> seats = new ArrayList<>();
                while (rs.next()) {
                    if (first == null) {
                        first = new OrderResponse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                List.of(), rs.getLong(5), rs.getString(6), rs.getString(7),
                                rs.getTimestamp(8).toInstant());
                    }
                    seats.add(rs.getString(9));
                }
                return Optional.ofNullable(first).map(o -> new OrderResponse(o.orderId(), o.saleId(), o.buyerId(),
                        o.sectionId(), seats, o.amountCents(), o.currency(), o.chargeId(), o.soldAt()));
            }
        }
    }
}
