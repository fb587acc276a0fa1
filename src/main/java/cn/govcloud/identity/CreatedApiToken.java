package cn.govcloud.identity;

/**
 * A token just created: the secret is in this answer and nowhere else, ever.
 */
record CreatedApiToken(ApiToken token, String secret) {
}
