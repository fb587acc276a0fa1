package cn.govcloud.inventory;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
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

	private final JdbcClient jdbc;

	InstanceDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<MatchableInstance> matchable() {
		return this.jdbc.sql("""
				SELECT i.id, i.supplier_id, i.unit_id, i.name, i.cloud_instance_id,
				       array_remove(array_agg(host(a.address) ORDER BY a.address), NULL) AS addresses
				FROM instance i LEFT JOIN instance_address a ON a.instance_id = i.id
				WHERE i.state IN ('PROVISIONING', 'ACTIVE', 'RECLAIMING')
				GROUP BY i.id
				""")
			.query((rs, n) -> new MatchableInstance(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), strings(rs.getArray(6))))
			.list();
	}

	private static List<String> strings(Array array) throws java.sql.SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
