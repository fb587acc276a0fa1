package cn.govcloud.metering;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xerial.snappy.Snappy;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * The Prometheus remote-write receiver (1.0 and 2.0): checks the credential, the content
 * type and encoding, the size (compressed, then the declared uncompressed length, before
 * decompressing), decodes and sorts out the samples, and makes the accepted ones durable
 * before answering. Status codes follow the spec: 204 stored, 400 bad data (valid series
 * stored), 401, 413, 415, 429 with Retry-After when the node is busy (ADR 0012), 503 when
 * GovCloud itself fails.
 */
@Service
class RemoteWrite {

	private static final Logger log = LoggerFactory.getLogger(RemoteWrite.class);

	private static final byte[] FRAMED_MAGIC = { (byte) 0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59 };

	private final IngestCredentials credentials;

	private final SeriesRegistry registry;

	private final SeriesFactory factory;

	private final Persistence persistence;

	private final MeteringSettings settings;

	RemoteWrite(IngestCredentials credentials, SeriesRegistry registry, SeriesFactory factory, Persistence persistence,
			MeteringSettings settings) {
		this.credentials = credentials;
		this.registry = registry;
		this.factory = factory;
		this.persistence = persistence;
		this.settings = settings;
	}

	/** The protocol version a Content-Type asks for: 1, 2, or 0 if unsupported. */
	static int version(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return 1;
		}
		String type = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
		if (!type.startsWith("application/x-protobuf")) {
			return 0;
		}
		if (!type.contains("proto=") || type.contains("proto=prometheus.writerequest")) {
			return 1;
		}
		return type.contains("proto=io.prometheus.write.v2.request") ? 2 : 0;
	}

	public WriteResult receive(String authorization, String contentType, String contentEncoding, long contentLength,
			InputStream body) throws IOException {
		UUID supplier = this.credentials.supplierOf(authorization).orElse(null);
		if (supplier == null) {
			return WriteResult.refused(401, "missing, wrong or revoked ingest credential");
		}
		int version = version(contentType);
		if (version == 0) {
			return WriteResult.refused(415, "unsupported content type " + contentType
					+ "; use application/x-protobuf (proto=prometheus.WriteRequest or io.prometheus.write.v2.Request)");
		}
		if (contentEncoding != null && !contentEncoding.isBlank()
				&& !"snappy".equalsIgnoreCase(contentEncoding.strip())) {
			return WriteResult.refused(415, "unsupported content encoding " + contentEncoding + "; use snappy");
		}
		long maxBody = this.settings.maxBody().toBytes();
		if (contentLength > maxBody) {
			return WriteResult.refused(413, "body of " + contentLength + " bytes is larger than " + maxBody);
		}
		byte[] compressed = body.readNBytes((int) maxBody + 1);
		if (compressed.length > maxBody) {
			return WriteResult.refused(413, "body is larger than " + maxBody + " bytes");
		}
		return decompressAndIngest(supplier, version, compressed);
	}

	private WriteResult decompressAndIngest(UUID supplier, int version, byte[] compressed) {
		if (startsWith(compressed, FRAMED_MAGIC)) {
			return WriteResult.refused(400,
					"body is in the snappy framed (stream) format; remote write uses the snappy block format");
		}
		long length = declaredLength(compressed);
		if (length < 0) {
			return WriteResult.refused(400, "body is not snappy (block format) compressed");
		}
		long maxUncompressed = this.settings.maxUncompressed().toBytes();
		if (length > maxUncompressed) {
			return WriteResult.refused(413,
					"decompressed body would be " + length + " bytes, larger than " + maxUncompressed);
		}
		byte[] raw = new byte[(int) length];
		try {
			if (Snappy.uncompress(compressed, 0, compressed.length, raw, 0) != length) {
				return WriteResult.refused(400, "body is not valid snappy: wrong decompressed length");
			}
		}
		catch (IOException | RuntimeException ex) {
			return WriteResult.refused(400, "body is not valid snappy (block format): " + ex.getMessage());
		}
		return ingest(supplier, version, raw);
	}

	/** Decoded samples: sorted out, made durable, answered; 429 when the node is busy. */
	WriteResult ingest(UUID supplier, int version, byte[] raw) {
		LoadShedding shedding = this.persistence.shedding();
		if (!shedding.admit()) {
			return WriteResult.busy(shedding.retryAfterSeconds());
		}
		try {
			return admitted(supplier, version, raw);
		}
		finally {
			shedding.release();
		}
	}

	private WriteResult admitted(UUID supplier, int version, byte[] raw) {
		RequestIngest request = new RequestIngest(supplier, this.registry.of(supplier), this.factory,
				System.currentTimeMillis(), this.settings.futureTolerance().toMillis(),
				this.settings.maxAge().toMillis(), raw.length / 40);
		try {
			if (version == 2) {
				RemoteWriteDecoder.decodeV2(raw, raw.length, new Labels(), request);
			}
			else {
				RemoteWriteDecoder.decodeV1(raw, raw.length, new Labels(), request);
			}
		}
		catch (RemoteWriteDecoder.MalformedException | ArrayIndexOutOfBoundsException ex) {
			request.undo();
			return WriteResult.refused(400,
					"body is snappy but not a valid "
							+ ((version == 2) ? "io.prometheus.write.v2.Request" : "prometheus.WriteRequest") + ": "
							+ ex.getMessage());
		}
		try {
			this.persistence.commit(supplier, request);
		}
		catch (DataAccessException | TransactionException ex) {
			request.undo();
			log.warn("Metering: a batch of {} samples did not commit", request.stored(), ex);
			return WriteResult.refused(503, "GovCloud could not store the samples; retry");
		}
		IngestOutcome outcome = request.outcome();
		return new WriteResult(outcome.hasProblems() ? 400 : 204, outcome.hasProblems() ? outcome.message() : "",
				outcome);
	}

	/**
	 * The uncompressed length a snappy block declares in its header (a varint), read
	 * before anything is decompressed; -1 if there is no valid header.
	 */
	static long declaredLength(byte[] compressed) {
		long length = 0;
		for (int i = 0; i < Math.min(5, compressed.length); i++) {
			length |= (long) (compressed[i] & 0x7f) << (7 * i);
			if (compressed[i] >= 0) {
				return (length <= 0xffffffffL) ? length : -1;
			}
		}
		return -1;
	}

	private static boolean startsWith(byte[] body, byte[] prefix) {
		return body.length >= prefix.length
				&& java.util.Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
	}

}
