package cn.govcloud.identity;

/** The form of one's own password change; the rules are checked by the service. */
record PasswordChangeForm(String currentPassword, String newPassword, String confirmPassword) {
}
