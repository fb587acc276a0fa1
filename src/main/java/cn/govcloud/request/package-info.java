/**
 * Resource applications and the Commission's review (Art. 6, 8, PRODUCT C4): a unit
 * applies for cloud resources for one of its systems with the construction plan it relies
 * on; the Commission approves, approves with cuts, returns or rejects; change
 * applications scale up or down, and decreases are approved automatically. The allocation
 * view adds up what is approved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resource applications")
package cn.govcloud.request;
