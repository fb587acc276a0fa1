/**
 * The catalogue of cloud resources a unit can ask for (Art. 6, PRODUCT C3): cloud hosts,
 * cloud databases, cloud storage, cloud security services, bandwidth and backup, each
 * with its spec fields and allowed ranges. The Commission manager adds kinds and retires
 * them; retired kinds stay on old records. (Tender prices come with contracts.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package cn.govcloud.catalogue;
