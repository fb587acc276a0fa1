package cn.govcloud.inventory;

/** Why the unit does not accept what the supplier opened. */
record RejectForm(String reason) {
}
