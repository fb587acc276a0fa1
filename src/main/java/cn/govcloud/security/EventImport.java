package cn.govcloud.security;

/**
 * What an import of access events did.
 *
 * @param duplicates sessions already reported before (kept once)
 */
public record EventImport(int recorded, int duplicates, int violations) {
}
