/**
 * Provisioning and the inventory (Art. 4, 8; PRODUCT C6): a filed contract opens a work
 * order for its supplier; the supplier's operators record the instances they open, never
 * more nor bigger than approved; the unit accepts them and billing starts; the inventory
 * lists every instance the city pays for, and a consistency check lists every instance
 * that breaks the chain approval → contract → instance (also run daily, telling the
 * Commission's managers); a supplier's own list reconciles with GovCloud's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package cn.govcloud.inventory;
