/**
 * Service contracts (Art. 7, PRODUCT C5): after approval the unit and the supplier agree
 * a contract priced at or below the tender unit prices in force, for no more than was
 * approved; the unit files it with the Commission; amendments keep every version; the
 * unit records payments against it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contracts")
package cn.govcloud.contract;
