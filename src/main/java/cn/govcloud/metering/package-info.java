/**
 * Metering (Art. 8, 12; PRODUCT C7; ADR 0010): the supplier's monitoring pushes
 * utilisation here — Prometheus remote write, JSON or CSV — with an ingest credential the
 * Commission issues. Series are matched to inventory instances; accepted samples are
 * durable before the answer; a background consumer rolls them up into 5-minute, hourly
 * and daily utilisation (avg, max, p95) that {@link cn.govcloud.metering.Utilisation}
 * reads, scoped like everything else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metering")
package cn.govcloud.metering;
