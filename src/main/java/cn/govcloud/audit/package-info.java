/**
 * The audit trail (PRODUCT C15): every decision, every state change and every login
 * attempt — who, when, what, from where. Append-only and hash-chained with SM3 so that a
 * modified, deleted or reordered record is found; only the audit administrator reads it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package cn.govcloud.audit;
