package cn.govcloud.shared.pdf;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No font with Chinese glyphs was found (ADR 0028): the message says what to install or
 * which setting to give. Answered 503, since it is the server's set-up, not the request.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class PdfFontMissingException extends RuntimeException {

	PdfFontMissingException(String message) {
		super(message);
	}

}
