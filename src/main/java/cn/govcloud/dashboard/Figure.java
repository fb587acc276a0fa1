package cn.govcloud.dashboard;

/**
 * One figure on a dashboard.
 *
 * @param key the message key of its label (e.g. {@code dashboard.units})
 * @param link where to look closer, or {@code null}
 */
public record Figure(String key, long value, String link) {
}
