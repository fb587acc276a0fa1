package cn.govcloud.catalogue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The tender unit prices in force (Art. 5, 7), by supplier, kind, dimension and day. */
@Service
public class TenderPrices {

	private static final String SELECT = """
			SELECT l.*, p.tender_number FROM price_line l JOIN price_list p ON p.id = l.price_list_id
			WHERE l.supplier_id = :supplier AND l.kind_code = :kind
			  AND l.effective_from <= :on AND (l.effective_to IS NULL OR l.effective_to >= :on)
			""";

	private final JdbcClient jdbc;

	TenderPrices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The tender unit price in force on that date for this supplier, kind and dimension.
	 */
	public Optional<PriceCap> capFor(UUID supplierId, String kind, String dimension, LocalDate on) {
		return this.jdbc.sql(SELECT + " AND l.dimension = :dimension")
			.param("supplier", supplierId)
			.param("kind", kind)
			.param("dimension", dimension)
			.param("on", Date.valueOf(on))
			.query(TenderPrices::map)
			.optional();
	}

	/**
	 * Every priced dimension of a kind for this supplier on that date (to prefill
	 * contract lines).
	 */
	public List<PriceCap> capsFor(UUID supplierId, String kind, LocalDate on) {
		return this.jdbc.sql(SELECT + " ORDER BY l.dimension")
			.param("supplier", supplierId)
			.param("kind", kind)
			.param("on", Date.valueOf(on))
			.query(TenderPrices::map)
			.list();
	}

	private static PriceCap map(ResultSet rs, int row) throws SQLException {
		Date to = rs.getDate("effective_to");
		return new PriceCap(rs.getObject("price_list_id", UUID.class), rs.getString("tender_number"),
				rs.getString("kind_code"), rs.getString("dimension"), BillingUnit.valueOf(rs.getString("billing_unit")),
				rs.getBigDecimal("unit_price"), rs.getDate("effective_from").toLocalDate(),
				(to != null) ? to.toLocalDate() : null);
	}

}
