package cn.govcloud.systems;

/**
 * A document to send: a server-chosen file name (never the uploaded one), its type and
 * bytes.
 */
record Download(String fileName, String contentType, byte[] content) {
}
