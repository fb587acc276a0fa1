package cn.govcloud.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.inventory.Violation.Rule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Lists every break in the chain approval → contract → instance (PRODUCT C6): an active
 * instance without a filed contract line; more provisioned than contracted, or more
 * contracted than approved, for a system, kind and spec; an instance billed after its
 * reclaim date (Art. 9). On a healthy database the list is empty.
 */
@Service
public class ConsistencyCheck {

	private final JdbcClient jdbc;

	ConsistencyCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Violation> violations() {
		List<Violation> found = new ArrayList<>();
		found.addAll(activeWithoutContractLine());
		found.addAll(provisionedOverContracted());
		found.addAll(contractedOverApproved());
		found.addAll(billedAfterReclaim());
		return found;
	}

	private List<Violation> activeWithoutContractLine() {
		return this.jdbc.sql("""
				SELECT i.system_id, i.cloud_instance_id, i.name FROM instance i
				LEFT JOIN work_order_line ol ON ol.id = i.order_line_id
				WHERE i.state = 'ACTIVE' AND NOT EXISTS (
				    SELECT 1 FROM work_order w JOIN contract c ON c.id = w.contract_id
				    JOIN contract_line cl ON cl.contract_id = c.id AND cl.version = c.version
				    WHERE w.id = ol.work_order_id AND cl.application_line_id = ol.application_line_id
				      AND c.status IN ('FILED', 'ACTIVE', 'ENDED'))
				ORDER BY i.system_id, i.cloud_instance_id
				""")
			.query((rs, n) -> new Violation(Rule.ACTIVE_WITHOUT_CONTRACT_LINE, rs.getObject("system_id", UUID.class),
					rs.getString("cloud_instance_id"), rs.getString("name")))
			.list();
	}

	private List<Violation> provisionedOverContracted() {
		return this.jdbc.sql("""
				WITH line AS (
				    SELECT w.system_id, ol.kind_code, ol.approved_spec::text AS spec, ol.allowed,
				           (SELECT count(*) FROM instance i WHERE i.order_line_id = ol.id AND i.state <> 'RECLAIMED')
				               AS provisioned
				    FROM work_order_line ol JOIN work_order w ON w.id = ol.work_order_id)
				SELECT system_id, kind_code, spec, sum(allowed) AS contracted, sum(provisioned) AS provisioned
				FROM line GROUP BY system_id, kind_code, spec HAVING sum(provisioned) > sum(allowed)
				ORDER BY system_id, kind_code
				""")
			.query((rs, n) -> new Violation(Rule.PROVISIONED_OVER_CONTRACTED, rs.getObject("system_id", UUID.class),
					rs.getString("kind_code") + " " + rs.getString("spec"),
					"provisioned " + rs.getLong("provisioned") + " > contracted " + rs.getLong("contracted")))
			.list();
	}

	private List<Violation> contractedOverApproved() {
		return this.jdbc.sql("""
				SELECT c.system_id, c.number, cl.kind_code, cl.dimension, cl.quantity, cl.approved_quantity
				FROM contract c JOIN contract_line cl ON cl.contract_id = c.id AND cl.version = c.version
				WHERE c.status IN ('FILED', 'ACTIVE', 'ENDED') AND cl.quantity > cl.approved_quantity
				ORDER BY c.system_id, c.number
				""")
			.query((rs, n) -> new Violation(Rule.CONTRACTED_OVER_APPROVED, rs.getObject("system_id", UUID.class),
					rs.getString("number") + " " + rs.getString("kind_code") + "." + rs.getString("dimension"),
					"contracted " + rs.getLong("quantity") + " > approved " + rs.getLong("approved_quantity")))
			.list();
	}

	/**
	 * Art. 9: an instance is billed up to its reclaim date, never after. For each
	 * contract line and day with reclaimed instances, the line's quantity in force the
	 * next day must be at most the most the line ever held up to then, less what every
	 * instance reclaimed by that day paid for (whether a termination's reclaim amended it
	 * after, or an amendment came first). A reclaim order still open has not amended yet:
	 * its instances count once it completes.
	 */
	private List<Violation> billedAfterReclaim() {
		return this.jdbc.sql("""
				WITH reclaimed AS (
				    SELECT w.contract_id, i.system_id, ol.application_line_id, ol.approved_spec, i.reclaimed_on AS day,
				           count(*) AS n, min(i.cloud_instance_id) AS cloud_id
				    FROM instance i JOIN work_order w ON w.id = i.work_order_id
				    JOIN work_order_line ol ON ol.id = i.order_line_id
				    WHERE i.state = 'RECLAIMED' AND NOT EXISTS (SELECT 1 FROM work_order ro
				                                                WHERE ro.id = i.reclaim_order_id AND ro.status = 'OPEN')
				    GROUP BY w.contract_id, i.system_id, ol.application_line_id, ol.approved_spec, i.reclaimed_on),
				checked AS (
				    SELECT r.contract_id, r.system_id, r.day, r.cloud_id, c.number, cl.position, cl.dimension,
				           (SELECT coalesce(max(v.version), 1) FROM contract_version v
				            WHERE v.contract_id = c.id AND v.effective_from <= r.day + 1) AS v_after,
				           (SELECT sum(r2.n * CASE WHEN cl.dimension = 'instance' THEN 1
				                   ELSE coalesce((r2.approved_spec ->> cl.dimension)::bigint, 0) END)
				            FROM reclaimed r2 WHERE r2.contract_id = r.contract_id
				              AND r2.application_line_id = r.application_line_id AND r2.day <= r.day) AS units
				    FROM reclaimed r JOIN contract c ON c.id = r.contract_id
				    JOIN contract_line cl ON cl.contract_id = c.id AND cl.version = 1
				                          AND cl.application_line_id = r.application_line_id
				    WHERE c.status IN ('FILED', 'ACTIVE', 'ENDED') AND r.day < c.term_end),
				quantities AS (
				    SELECT k.*,
				           (SELECT quantity FROM contract_line WHERE contract_id = k.contract_id AND version = k.v_after
				                                                 AND position = k.position) AS q_after,
				           (SELECT sum(greatest(0, l.quantity - coalesce(p.quantity, 0))) FROM contract_line l
				            LEFT JOIN contract_line p ON p.contract_id = l.contract_id AND p.position = l.position
				                                     AND p.version = l.version - 1
				            WHERE l.contract_id = k.contract_id AND l.position = k.position AND l.version <= k.v_after)
				               AS q_max
				    FROM checked k)
				SELECT * FROM quantities WHERE q_after > greatest(0, q_max - units)
				ORDER BY system_id, number, position, day
				""")
			.query((rs, n) -> new Violation(Rule.BILLED_AFTER_RECLAIM, rs.getObject("system_id", UUID.class),
					rs.getString("cloud_id"),
					rs.getString("number") + " " + rs.getString("dimension") + ": " + rs.getLong("q_after")
							+ " billed after " + rs.getDate("day") + ", at most "
							+ Math.max(0, rs.getLong("q_max") - rs.getLong("units"))))
			.list();
	}

}
