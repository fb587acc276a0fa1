package cn.govcloud.organization;

import java.time.Instant;
import java.util.UUID;

import cn.govcloud.shared.OrganizationKind;

/** An organisation that uses GovCloud (Art. 4). */
public record Organization(UUID id, OrganizationKind kind, String name, String creditCode, String contactPerson,
		String contactPhone, boolean active, Instant createdAt) {
}
