package cn.govcloud.rightsizing;

import java.util.UUID;

/**
 * A release order was issued, answered or decided (Art. 8); a standing order is carried
 * out by the supplier from its effective day.
 */
public record ReleaseOrderChanged(UUID orderId, String number, UUID unitId, OrderStatus status) {
}
