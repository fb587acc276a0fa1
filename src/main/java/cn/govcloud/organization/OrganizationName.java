package cn.govcloud.organization;

import java.util.UUID;

/**
 * An organisation's id and name, for choosing one in a filter: no contact fields, so
 * nothing to decrypt (issue 13, ADR 0053).
 */
public record OrganizationName(UUID id, String name) {
}
