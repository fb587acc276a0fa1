package cn.govcloud.assessment;

/**
 * One indicator of a dimension (Art. 19): its weight within the dimension, where its
 * records come from and how its value becomes points.
 *
 * @param code e.g. {@code FIRST_RESPONSE}
 * @param source the module and figure the value is read from, e.g.
 * {@code servicedesk.responseAttainment}
 */
public record Indicator(String code, Dimension dimension, int weight, String source, Curve curve) {
}
