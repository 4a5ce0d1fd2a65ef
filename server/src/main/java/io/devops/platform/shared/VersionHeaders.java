package io.devops.platform.shared;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The HTTP side of versions: a controller parameter of type {@link ExpectedVersion} is read from
 * {@code If-Match}, and every {@link Versioned} answer carries its version as a strong ETag.
 */
@Configuration(proxyBeanMethods = false)
class VersionHeaders implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatch());
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static final class IfMatch implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ExpectedVersion.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            return ExpectedVersion.fromIfMatch(request.getHeader(HttpHeaders.IF_MATCH));
        }
    }

    @ControllerAdvice
    static class ETags implements ResponseBodyAdvice<Object> {

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converter) {
            return Versioned.class.isAssignableFrom(returnType.getParameterType());
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                      Class<? extends HttpMessageConverter<?>> converter, ServerHttpRequest request,
                                      ServerHttpResponse response) {
            if (body instanceof Versioned versioned) {
                response.getHeaders().setETag(etag(versioned.version()));
            }
            return body;
        }
    }
}
