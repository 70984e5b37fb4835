package io.orderflow.codecserver.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.codecserver.CodecServerProperties;
import io.orderflow.codecserver.encryption.EncryptionProperties;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.AbstractRemoteDataEncoderCodec;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's remote codec protocol: {@code POST /encode} and {@code POST /decode} take a
 * {@code Payloads} message in protobuf's JSON mapping and answer with the encoded or decoded
 * {@code Payloads}. The paths, the content type and the JSON mapping are those of Temporal's
 * {@code temporal-remote-data-encoder} module; the work is the same {@link AesGcmPayloadCodec}
 * the workers and the gateway run. Who may call it is decided in {@code CodecServerSecurity}.
 * The endpoints also answer under a namespace segment ({@code /default/decode}), for a CLI
 * configured with {@code --codec-endpoint 'http://host:8085/{namespace}'}.
 *
 * <p>Every call is logged with the caller's subject, the namespace and how many payloads it
 * touched, never with a payload: that is the audit trail of who read decrypted data.
 */
@RestController
class RemoteCodecController {

    static final String NAMESPACE_HEADER = "X-Namespace";
    private static final String ENCODE = AbstractRemoteDataEncoderCodec.ENCODE_PATH_POSTFIX;
    private static final String DECODE = AbstractRemoteDataEncoderCodec.DECODE_PATH_POSTFIX;
    private static final Logger log = LoggerFactory.getLogger(RemoteCodecController.class);

    private final PayloadCodec codec;
    private final List<String> namespaces;

    RemoteCodecController(EncryptionProperties encryption, CodecServerProperties settings) {
        this.codec = new AesGcmPayloadCodec(encryption.keyRing());
        this.namespaces = settings.namespaces();
    }

    @PostMapping(path = {ENCODE, "/{namespace}" + ENCODE},
            consumes = AbstractRemoteDataEncoderCodec.CONTENT_TYPE_APPLICATION_JSON,
            produces = AbstractRemoteDataEncoderCodec.CONTENT_TYPE_APPLICATION_JSON)
    String encode(@PathVariable(required = false) String namespace,
            @RequestHeader(name = NAMESPACE_HEADER, required = false) String namespaceHeader,
            @RequestBody String payloads, @AuthenticationPrincipal Jwt caller) throws InvalidProtocolBufferException {
        return transform("encode", served(namespace, namespaceHeader), payloads, caller, codec::encode);
    }

    @PostMapping(path = {DECODE, "/{namespace}" + DECODE},
            consumes = AbstractRemoteDataEncoderCodec.CONTENT_TYPE_APPLICATION_JSON,
            produces = AbstractRemoteDataEncoderCodec.CONTENT_TYPE_APPLICATION_JSON)
    String decode(@PathVariable(required = false) String namespace,
            @RequestHeader(name = NAMESPACE_HEADER, required = false) String namespaceHeader,
            @RequestBody String payloads, @AuthenticationPrincipal Jwt caller) throws InvalidProtocolBufferException {
        return transform("decode", served(namespace, namespaceHeader), payloads, caller, codec::decode);
    }

    /**
     * The namespace the caller names, in the path or in {@code X-Namespace} (the Web UI always
     * sends the header; the CLI sends it empty unless given {@code --namespace}, which names
     * nothing). A namespace this server does not serve is refused rather than answered with keys
     * meant for another.
     */
    private String served(String fromPath, String fromHeader) {
        String header = fromHeader == null || fromHeader.isBlank() ? null : fromHeader;
        for (String named : new String[] {fromPath, header}) {
            if (named != null && !namespaces.contains(named)) {
                throw new UnservedNamespaceException(named);
            }
        }
        return fromPath != null ? fromPath : header;
    }

    private String transform(String operation, String namespace, String json, Jwt caller,
            UnaryOperator<List<Payload>> work) throws InvalidProtocolBufferException {
        Payloads.Builder incoming = Payloads.newBuilder();
        AbstractRemoteDataEncoderCodec.JSON_FORMAT.merge(json, incoming);
        List<Payload> result = work.apply(incoming.getPayloadsList());
        log.info("{} of {} payload(s) for {} in namespace {}", operation, result.size(), caller.getSubject(),
                namespace == null ? "(not named)" : namespace);
        return AbstractRemoteDataEncoderCodec.JSON_PRINTER.print(Payloads.newBuilder().addAllPayloads(result));
    }

    @ExceptionHandler(InvalidProtocolBufferException.class)
    ProblemDetail notPayloads(InvalidProtocolBufferException e) {
        return problem(HttpStatus.BAD_REQUEST, "Not a Payloads message",
                "The body must be a Temporal Payloads message in protobuf's JSON mapping.");
    }

    /** The codec's messages name key ids and what went wrong, never a key or a payload's content. */
    @ExceptionHandler(PayloadCodecException.class)
    ProblemDetail notDecodable(PayloadCodecException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Payload cannot be decoded", e.getMessage());
    }

    @ExceptionHandler(UnservedNamespaceException.class)
    ProblemDetail unservedNamespace(UnservedNamespaceException e) {
        return problem(HttpStatus.FORBIDDEN, "Namespace not served",
                "This codec server serves the namespaces " + namespaces + ", not '" + e.namespace() + "'.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    static final class UnservedNamespaceException extends RuntimeException {
        private final String namespace;

        UnservedNamespaceException(String namespace) {
            super("namespace not served: " + namespace);
            this.namespace = namespace;
        }

        String namespace() {
            return namespace;
        }
    }
}
