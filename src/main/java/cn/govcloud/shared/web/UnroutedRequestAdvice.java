package cn.govcloud.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload that cannot be read fails before any controller is chosen, where
 * {@link ApiExceptionHandler} does not reach: the API caller gets the problem naming the
 * part, a page the error page — never a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnroutedRequestAdvice {

	private final ProblemWriter problems;

	UnroutedRequestAdvice(ProblemWriter problems) {
		this.problems = problems;
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView unreadableUpload(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
		HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			this.problems.write(request, response, status, "file",
					tooLarge ? "attachment.tooLargeForServer" : "error.upload.malformed");
			return new ModelAndView();
		}
		ModelAndView page = new ModelAndView("error");
		page.addObject("status", status.value());
		page.setStatus(status);
		return page;
	}

}
