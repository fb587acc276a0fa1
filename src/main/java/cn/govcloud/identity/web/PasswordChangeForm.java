package cn.govcloud.identity.web;

/** The form of one's own password change; the rules are checked by the service. */
record PasswordChangeForm(String currentPassword, String newPassword, String confirmPassword) {
}
