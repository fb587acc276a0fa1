package cn.govcloud.security;

import java.time.YearMonth;
import java.util.UUID;

/**
 * A supplier published its monthly security bulletin to the units it serves (Art. 14).
 */
public record BulletinPublished(UUID bulletinId, UUID supplierId, YearMonth period) {
}
