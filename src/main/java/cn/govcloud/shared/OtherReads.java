package cn.govcloud.shared;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the current web request read of other organisations' records, noted by
 * {@link DataScope} as it admits them (PRODUCT C15, issue 19, ADR 0034): single records
 * by their owner, lists and aggregates by their reach. The audit module writes one record
 * per request from it.
 */
public final class OtherReads {

	private static final String ATTRIBUTE = OtherReads.class.getName();

	/**
	 * Reaches: a list over every unit, over the units a supplier serves, records it is
	 * party to, city-wide aggregates.
	 */
	public static final String ALL = "all", SERVED = "served", PARTY = "party", AGGREGATES = "aggregates";

	private final Set<UUID> organizations = new TreeSet<>();

	private final Set<String> reaches = new TreeSet<>();

	private OtherReads() {
	}

	/** The owners of single records read, another organisation's each. */
	public Set<UUID> organizations() {
		return Collections.unmodifiableSet(this.organizations);
	}

	/** How far lists and aggregates reached beyond the reader's organisation. */
	public Set<String> reaches() {
		return Collections.unmodifiableSet(this.reaches);
	}

	/** What the current request read of others, if anything. */
	public static Optional<OtherReads> ofCurrentRequest() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return (request != null
				&& request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof OtherReads reads)
						? Optional.of(reads) : Optional.empty();
	}

	static void owner(GovCloudPrincipal reader, UUID owner) {
		if (owner != null && !owner.equals(reader.organizationId())) {
			current(reader).ifPresent((reads) -> reads.organizations.add(owner));
		}
	}

	static void reach(GovCloudPrincipal reader, String reach) {
		current(reader).ifPresent((reads) -> reads.reaches.add(reach));
	}

	/**
	 * Only a person's own request: GovCloud's scheduled work reads under its own
	 * principal.
	 */
	private static Optional<OtherReads> current(GovCloudPrincipal reader) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null || reader.userId().equals(DataScopes.SYSTEM_USER)) {
			return Optional.empty();
		}
		if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof OtherReads reads) {
			return Optional.of(reads);
		}
		OtherReads reads = new OtherReads();
		request.setAttribute(ATTRIBUTE, reads, RequestAttributes.SCOPE_REQUEST);
		return Optional.of(reads);
	}

}
