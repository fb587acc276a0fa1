package cn.govcloud.security;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DocumentType;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Sortable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Monthly security bulletins (Art. 14): the supplier publishes one a month to the units
 * it serves; the units read theirs, the Commission all.
 */
@Service
public class Bulletins {

	static final int TEXT_LIMIT = 4000;

	static final DataSize MAX_DOCUMENT = DataSize.ofMegabytes(20);

	private static final String SELECT = """
			SELECT b.id, b.supplier_id, s.name AS supplier_name, b.period, b.vulnerabilities, b.incidents, b.threats,
			       b.advice, b.document_name, b.published_by_name, b.published_at
			FROM security_bulletin b JOIN organization s ON s.id = b.supplier_id
			""";

	static final Sortable SORTABLE = Sortable.by("b.period DESC, s.name", "b.id")
		.field("period", "b.period")
		.field("supplierName", "s.name")
		.field("publishedAt", "b.published_at");

	private final JdbcClient jdbc;

	private final Publications publications;

	private final ApplicationEventPublisher events;

	Bulletins(JdbcClient jdbc, Publications publications, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.publications = publications;
		this.events = events;
	}

	/**
	 * A bulletin reaches the units its supplier sent it to; the supplier reads its own,
	 * the Commission all.
	 */
	static DataScope.SqlFilter filter(DataScope scope, String table, String key, String alias) {
		if (scope.seesAll() || scope.supplierParty().isPresent()) {
			return scope.sqlSupplier(alias + ".supplier_id");
		}
		DataScope.SqlFilter unit = scope.sql("r.unit_id");
		return new DataScope.SqlFilter("EXISTS (SELECT 1 FROM " + table + " r WHERE r." + key + " = " + alias
				+ ".id AND " + unit.clause() + ")", unit.organizations());
	}

	@Transactional
	public Bulletin publish(DataScope scope, BulletinForm form, String fileName, byte[] document) {
		GovCloudPrincipal by = supplier(scope);
		FieldChecks checks = new FieldChecks();
		YearMonth period = checks.present("period", form.period());
		if (period != null && (period.getYear() < 2000 || period.isAfter(YearMonth.from(CityTime.today())))) {
			checks.refuse("period", "bulletin.period.invalid");
		}
		String vulnerabilities = checks.required("vulnerabilities", form.vulnerabilities(), TEXT_LIMIT);
		String incidents = checks.required("incidents", form.incidents(), TEXT_LIMIT);
		String threats = checks.required("threats", form.threats(), TEXT_LIMIT);
		String advice = checks.required("advice", form.advice(), TEXT_LIMIT);
		DocumentType type = null;
		boolean attached = document != null && document.length > 0;
		checks.check();
		if (attached) {
			type = DocumentType.checked(fileName, document, MAX_DOCUMENT);
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		int inserted = this.jdbc.sql("""
				INSERT INTO security_bulletin (id, supplier_id, period, vulnerabilities, incidents, threats, advice,
				    document_name, document_type, document, published_by, published_by_name, published_at)
				VALUES (:id, :supplier, :period, :v, :i, :t, :a, :name, :type, :doc, :by, :byName, :at)
				ON CONFLICT (supplier_id, period) DO NOTHING
				""")
			.param("id", id)
			.param("supplier", by.organizationId())
			.param("period", Date.valueOf(period.atDay(1)))
			.param("v", vulnerabilities)
			.param("i", incidents)
			.param("t", threats)
			.param("a", advice)
			.param("name", attached ? fileName : null)
			.param("type", attached ? type.contentType() : null)
			.param("doc", attached ? document : null)
			.param("by", by.userId())
			.param("byName", by.displayName())
			.param("at", Timestamp.from(now))
			.update();
		if (inserted == 0) {
			// Art. 14: one bulletin a month; of two published at once, one is kept.
			checks.refuse("period", "bulletin.period.taken");
			checks.check();
		}
		LinkedHashSet<UUID> units = new LinkedHashSet<>(this.publications.unitsOf(by.organizationId()));
		for (UUID unit : units) {
			this.jdbc.sql("INSERT INTO security_bulletin_unit (bulletin_id, unit_id) VALUES (:b, :u)")
				.param("b", id)
				.param("u", unit)
				.update();
		}
		this.publications.tell(units,
				Publications.notice("notice.bulletin.published", "/security-bulletins/" + id, period.toString()));
		this.publications.fulfil(SecurityDutyDone.Duty.BULLETIN, by, period.atDay(1), "bulletin " + period);
		this.events.publishEvent(new BulletinPublished(id, by.organizationId(), period));
		return find(scope, id);
	}

	public Bulletin find(DataScope scope, UUID id) {
		DataScope.SqlFilter filter = filter(scope, "security_bulletin_unit", "bulletin_id", "b");
		return filter.bind(this.jdbc.sql(SELECT + " WHERE b.id = :id AND " + filter.clause()))
			.param("id", id)
			.query(Bulletins::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("bulletin", id));
	}

	public Page<Bulletin> search(DataScope scope, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, SORTABLE.parse(sort));
		DataScope.SqlFilter filter = filter(scope, "security_bulletin_unit", "bulletin_id", "b");
		long total = filter.bind(this.jdbc.sql("SELECT count(*) FROM security_bulletin b WHERE " + filter.clause()))
			.query(Long.class)
			.single();
		List<Bulletin> rows = filter
			.bind(this.jdbc.sql(SELECT + " WHERE " + filter.clause() + " ORDER BY " + SORTABLE.orderBy(request.order())
					+ " LIMIT :limit OFFSET :offset"))
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(Bulletins::map)
			.list();
		return request.of(rows, total);
	}

	/** The bulletin's document: its name, type and content. */
	public Optional<StoredFile> document(DataScope scope, UUID id) {
		Bulletin bulletin = find(scope, id);
		return this.jdbc.sql("""
				SELECT document_name, document_type, document FROM security_bulletin
				WHERE id = :id AND document IS NOT NULL
				""")
			.param("id", bulletin.id())
			.query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/** The supplier publishes; anyone else reads the action as not there. */
	static GovCloudPrincipal supplier(DataScope scope) {
		GovCloudPrincipal by = scope.principal();
		if (scope.supplierParty().isEmpty() || !by.may(Permission.PUBLISH_BULLETINS_AND_DRILLS)) {
			throw new NotFoundException("bulletin", null);
		}
		return by;
	}

	private static Bulletin map(ResultSet rs, int row) throws SQLException {
		return new Bulletin(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
				rs.getString("supplier_name"), YearMonth.from(rs.getDate("period").toLocalDate()),
				rs.getString("vulnerabilities"), rs.getString("incidents"), rs.getString("threats"),
				rs.getString("advice"), rs.getString("document_name"), rs.getString("published_by_name"),
				rs.getTimestamp("published_at").toInstant());
	}

}
