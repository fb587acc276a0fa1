package cn.govcloud.shared;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one data-scoping mechanism every module uses (PRODUCT C1, ADR 0003, ADR 0014). Over
 * business records ({@link DataScopes#current()}): a unit sees only its own records, a
 * supplier its own and those of the units it serves, the Commission's reviewers and
 * managers everything, the finance bureau its own records plus read-only aggregates — and
 * the three administrators (system, security, audit) none: they hold no business role.
 * Over organisations and people ({@link DataScopes#directory()}): everyone their own
 * organisation (a supplier also the units it serves), anyone of the Commission, the
 * administrators included, every organisation. A record outside the scope is reported
 * exactly as a record that does not exist, so guessing ids reveals nothing.
 */
public final class DataScope {

	private final GovCloudPrincipal principal;

	private final boolean all;

	/**
	 * Read when first needed: a supplier's served units cost a query, and most of its
	 * requests are scoped by its own id alone ({@link #sqlParty}; issue 13).
	 */
	private final Supplier<Set<UUID>> organizations;

	private volatile Set<UUID> visible;

	DataScope(GovCloudPrincipal principal, boolean all, Set<UUID> visibleOrganizations) {
		this(principal, all, () -> visibleOrganizations);
	}

	DataScope(GovCloudPrincipal principal, boolean all, Supplier<Set<UUID>> visibleOrganizations) {
		this.principal = principal;
		this.all = all;
		this.organizations = visibleOrganizations;
	}

	private Set<UUID> visibleOrganizations() {
		Set<UUID> read = this.visible;
		if (read == null) {
			read = Set.copyOf(this.organizations.get());
			this.visible = read;
		}
		return read;
	}

	public GovCloudPrincipal principal() {
		return this.principal;
	}

	/**
	 * Every organisation's records are in scope: business records for the Commission's
	 * reviewers and managers, the directory for anyone of the Commission.
	 */
	public boolean seesAll() {
		return this.all;
	}

	/** The Commission and the finance bureau may read city-wide aggregates (Art. 18). */
	public boolean seesAggregates() {
		boolean sees = seesAll() || this.principal.organizationKind() == OrganizationKind.FINANCE_BUREAU;
		if (sees) {
			OtherReads.reach(this.principal, OtherReads.AGGREGATES);
		}
		return sees;
	}

	/**
	 * Whether a record of this owner is in scope; one of another organisation's is noted
	 * for the audit of reads ({@link OtherReads}).
	 */
	public boolean canRead(UUID ownerOrganizationId) {
		boolean can = seesAll() || visibleOrganizations().contains(ownerOrganizationId);
		if (can) {
			OtherReads.owner(this.principal, ownerOrganizationId);
		}
		return can;
	}

	/**
	 * Writes: only into the caller's own organisation when it is in scope, or anywhere
	 * for those who see all.
	 */
	public boolean canWrite(UUID ownerOrganizationId) {
		return seesAll() || (this.principal.organizationId().equals(ownerOrganizationId)
				&& visibleOrganizations().contains(ownerOrganizationId));
	}

	/**
	 * The record if it exists and is in scope; otherwise the same "not found" either way.
	 * @param what the kind of record, for the message (e.g. "organization")
	 */
	public <T> T require(Optional<T> found, Function<T, UUID> owner, String what, Object id) {
		return found.filter((record) -> canRead(owner.apply(record)))
			.orElseThrow(() -> new NotFoundException(what, id));
	}

	/**
	 * Like {@link #require} but for a write: out of write scope also reads as "not
	 * found".
	 */
	public <T> T requireWritable(Optional<T> found, Function<T, UUID> owner, String what, Object id) {
		T record = require(found, owner, what, id);
		if (!canWrite(owner.apply(record))) {
			throw new NotFoundException(what, id);
		}
		return record;
	}

	/**
	 * A SQL predicate limiting {@code ownerColumn} to the scope, with its named parameter
	 * {@code scopeOrganizations} (a {@code uuid[]}).
	 */
	public SqlFilter sql(String ownerColumn) {
		if (seesAll()) {
			OtherReads.reach(this.principal, OtherReads.ALL);
			return new SqlFilter("TRUE", null);
		}
		if (visibleOrganizations().size() > 1) {
			OtherReads.reach(this.principal, OtherReads.SERVED);
		}
		return new SqlFilter(ownerColumn + " = ANY(:scopeOrganizations)", visibleOrganizations().toArray(UUID[]::new));
	}

	/**
	 * The supplier this scope is limited to as a party: a supplier sees the records it is
	 * party to (contracts, work orders, instances, ingest credentials) by their own
	 * {@code supplier_id}, never another supplier's, even one that serves the same unit.
	 * Empty for everyone else.
	 */
	public Optional<UUID> supplierParty() {
		return (this.principal.organizationKind() == OrganizationKind.SUPPLIER)
				? Optional.of(this.principal.organizationId()) : Optional.empty();
	}

	/**
	 * Whether a record between a unit and a supplier is in scope: for a supplier, its own
	 * ({@link #supplierParty()}); for everyone else, by its unit ({@link #canRead}).
	 */
	public boolean canReadParty(UUID unitId, UUID supplierId) {
		return supplierParty().map((supplier) -> {
			boolean party = supplier.equals(supplierId);
			if (party) {
				OtherReads.owner(this.principal, unitId);
			}
			return party;
		}).orElseGet(() -> canRead(unitId));
	}

	/**
	 * Like {@link #require} for a record between a unit and a supplier
	 * ({@link #canReadParty}); out of scope reads as "not found".
	 */
	public <T> T requireParty(Optional<T> found, Function<T, UUID> unit, Function<T, UUID> supplier, String what,
			Object id) {
		return found.filter((record) -> canReadParty(unit.apply(record), supplier.apply(record)))
			.orElseThrow(() -> new NotFoundException(what, id));
	}

	/**
	 * {@link #canReadParty} in SQL: a supplier by {@code supplierColumn}, everyone else
	 * by {@code unitColumn} as {@link #sql}.
	 */
	public SqlFilter sqlParty(String unitColumn, String supplierColumn) {
		return supplierParty().map((supplier) -> {
			OtherReads.reach(this.principal, OtherReads.PARTY);
			return new SqlFilter(supplierColumn + " = ANY(:scopeOrganizations)", new UUID[] { supplier });
		}).orElseGet(() -> sql(unitColumn));
	}

	/**
	 * Records that belong to a supplier alone (ingest credentials): the Commission sees
	 * all, a supplier its own ({@link #supplierParty()}), everyone else none.
	 */
	public SqlFilter sqlSupplier(String supplierColumn) {
		if (seesAll()) {
			OtherReads.reach(this.principal, OtherReads.ALL);
			return new SqlFilter("TRUE", null);
		}
		return supplierParty()
			.map((supplier) -> new SqlFilter(supplierColumn + " = ANY(:scopeOrganizations)", new UUID[] { supplier }))
			.orElseGet(() -> new SqlFilter("FALSE", null));
	}

	/**
	 * A scope predicate for SQL.
	 *
	 * @param clause the predicate to AND into a WHERE clause
	 * @param organizations the value of {@code :scopeOrganizations}, or {@code null} when
	 * unused
	 */
	public record SqlFilter(String clause, UUID[] organizations) {

		public org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(
				org.springframework.jdbc.core.simple.JdbcClient.StatementSpec statement) {
			return (this.organizations != null) ? statement.param("scopeOrganizations", this.organizations) : statement;
		}

	}

}
