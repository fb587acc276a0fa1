package cn.govcloud.security;

import java.util.UUID;

/** A supplier reported its yearly emergency drill (Art. 14). */
public record DrillReported(UUID drillId, UUID supplierId, int year) {
}
