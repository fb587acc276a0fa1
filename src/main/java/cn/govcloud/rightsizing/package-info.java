/**
 * Rightsizing and surplus release (Art. 8; PRODUCT C8): recommendations per instance from
 * the measured utilisation (downsize, upsize, release idle), in the mode the Commission
 * chooses, with their evidence and the saving at the contract price; the Commission turns
 * them into release orders the unit may object to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rightsizing")
package cn.govcloud.rightsizing;
