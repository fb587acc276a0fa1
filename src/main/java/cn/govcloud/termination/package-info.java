/**
 * Termination and reclamation (Art. 9; PRODUCT C9): a unit that stops using the platform
 * takes its system (or some of its resources) offline, migrates or backs up the data and
 * applies to terminate; the Commission approves or returns the application (one decision
 * wins); approval opens reclaim work orders for the suppliers, whose reclaims end the
 * contract lines and, when nothing is left, take the system offline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Termination")
package cn.govcloud.termination;
