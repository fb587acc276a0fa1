/**
 * Signing in and staying signed in (等保 level 3): the login with lockout, the idle
 * timeout, the forced password change, personal API tokens for API callers, and the
 * security filter chain that applies them to pages and API alike.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and sign-in")
package cn.govcloud.identity;
