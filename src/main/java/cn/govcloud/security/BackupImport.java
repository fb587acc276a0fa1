package cn.govcloud.security;

/**
 * What an import of backup runs did.
 *
 * @param duplicates runs reported before (kept once)
 */
public record BackupImport(int recorded, int duplicates, int failed) {
}
