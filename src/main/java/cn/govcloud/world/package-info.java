/**
 * The world generator: a consistent city of tier S, M or L (or a custom size) with the
 * rows GovCloud itself writes, dated relative to today (ADR 0013). The embedded default
 * generates tier S on its first start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "World generator")
package cn.govcloud.world;
