/**
 * The catalogue of cloud resources a unit can ask for (Art. 6, PRODUCT C3): cloud hosts,
 * cloud databases, cloud storage, cloud security services, bandwidth and backup, each
 * with its spec fields and allowed ranges. The Commission manager adds kinds and retires
 * them; retired kinds stay on old records.
 *
 * <p>
 * Also the tender unit prices of each supplier (Art. 5, PRODUCT C3): price lists per
 * tender, imported from Excel all or nothing, never two prices for one item on one day,
 * superseded but never deleted. {@link cn.govcloud.catalogue.TenderPrices} answers which
 * price is in force, the cap of Art. 7 for contracts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package cn.govcloud.catalogue;
