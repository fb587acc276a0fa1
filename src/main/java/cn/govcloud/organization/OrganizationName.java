package cn.govcloud.organization;

import java.util.UUID;

/**
 * An organisation's id, name and whether it is active, for filters and tallies that name
 * organisations: no contact fields, so nothing to decrypt (issue 13, ADR 0053).
 */
public record OrganizationName(UUID id, String name, boolean active) {
}
