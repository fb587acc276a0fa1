package cn.govcloud.shared;

import java.util.Set;
import java.util.UUID;

/**
 * Which units a supplier serves. The module that knows (contracts) provides it; until
 * then a supplier sees only its own organisation's records.
 */
public interface ServedUnits {

	Set<UUID> servedBy(UUID supplierOrganizationId);

}
