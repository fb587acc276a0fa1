package cn.govcloud.inventory;

import java.sql.Array;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The instances other modules match external data to (metering's series): every instance
 * that exists in a cloud — provisioning, active or being reclaimed; a reclaimed instance
 * no longer matches.
 */
@Service
public class InstanceDirectory {

	private static final String SIZED = """
			SELECT i.id, i.name, i.unit_id, i.supplier_id, i.system_id, i.kind_code, i.spec::text,
			       w.contract_id, l.application_line_id
			FROM instance i LEFT JOIN work_order w ON w.id = i.work_order_id
			LEFT JOIN work_order_line l ON l.id = i.order_line_id
			""";

	private static final String MATCHABLE = """
			SELECT i.id, i.supplier_id, i.unit_id, i.name, i.cloud_instance_id,
			       array_remove(array_agg(host(a.address) ORDER BY a.address), NULL) AS addresses
			FROM instance i LEFT JOIN instance_address a ON a.instance_id = i.id
			""";

	private final JdbcClient jdbc;

	private final Specs specs;

	InstanceDirectory(JdbcClient jdbc, Specs specs) {
		this.jdbc = jdbc;
		this.specs = specs;
	}

	/**
	 * Every ACTIVE instance with its spec and the contract line it is billed under, for a
	 * city-wide computation (rightsizing, Art. 8); unscoped, so the caller scopes what it
	 * shows. A list: 30,000 rows are a few megabytes.
	 */
	public List<SizedInstance> active() {
		return sized(this.jdbc.sql(SIZED + "WHERE i.state = 'ACTIVE'"));
	}

	/**
	 * These instances if ACTIVE, with the contract line each is billed under (a release
	 * order carried out, Art. 8).
	 */
	public List<SizedInstance> active(Collection<UUID> ids) {
		return sized(this.jdbc.sql(SIZED + "WHERE i.state = 'ACTIVE' AND i.id = ANY(:ids)")
			.param("ids", ids.toArray(UUID[]::new)));
	}

	private List<SizedInstance> sized(JdbcClient.StatementSpec statement) {
		return statement.query((rs, n) -> new SizedInstance(rs.getObject(1, UUID.class), rs.getString(2),
				rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6),
				this.specs.read(rs.getString(7)), rs.getObject(8, UUID.class), rs.getObject(9, UUID.class)))
			.list();
	}

	/** Every instance metering may match: provisioning, active or being reclaimed. */
	public List<MatchableInstance> matchable() {
		return this.jdbc.sql(MATCHABLE + "WHERE i.state IN ('PROVISIONING', 'ACTIVE', 'RECLAIMING') GROUP BY i.id")
			.query((rs, n) -> matchable(rs))
			.list();
	}

	/**
	 * The watermark a reader starts from before reading everything: the oldest
	 * transaction running now, so changes committed after the read are read next time.
	 */
	public long watermark() {
		return this.jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class).single();
	}

	/**
	 * The instances changed (recorded, corrected, re-addressed, reclaimed, removed) by
	 * transactions at or after {@code since}: only those rows are read (issue 12). A
	 * change may be returned twice; applying it again changes nothing.
	 */
	public DirectoryChanges changedSince(long since) {
		long next = watermark();
		List<MatchableInstance> matchable = new ArrayList<>();
		Set<UUID> gone = new HashSet<>();
		this.jdbc
			.sql(MATCHABLE
				.replace("FROM instance i", "FROM instance_change c LEFT JOIN instance i ON i.id = c.instance_id")
				.replace("SELECT i.id,",
						"SELECT c.instance_id, i.state IN ('PROVISIONING', 'ACTIVE', 'RECLAIMING') AS matches,")
					+ "WHERE c.tx >= :since GROUP BY c.instance_id, i.id")
			.param("since", since)
			.query((java.sql.ResultSet rs) -> {
				if (rs.getBoolean("matches")) {
					matchable.add(matchable(rs));
				}
				else {
					gone.add(rs.getObject(1, UUID.class));
				}
			});
		return new DirectoryChanges(next, matchable, gone);
	}

	private static MatchableInstance matchable(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new MatchableInstance(rs.getObject(1, UUID.class), rs.getObject("supplier_id", UUID.class),
				rs.getObject("unit_id", UUID.class), rs.getString("name"), rs.getString("cloud_instance_id"),
				strings(rs.getArray("addresses")));
	}

	private static List<String> strings(Array array) throws java.sql.SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
