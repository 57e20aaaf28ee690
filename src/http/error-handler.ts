import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import type { core } from 'zod';
import { AppError, ERROR_MESSAGES, type ErrorCode, type ErrorDetail } from '../errors/app-error.ts';
import { describeIssue } from '../validation/issue-message.ts';

/** fastify-type-provider-zod hands over the issue as keyword + message + params. */
function describeValidation(v: ZodFastifySchemaValidationError): ErrorDetail['message'] {
  return describeIssue({ ...v.params, code: v.keyword as core.$ZodIssue['code'], message: v.message ?? '' });
}

/** The one error shape: { error: { code, message: { nl, en }, details, requestId } }. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  details: ErrorDetail[] = [],
) {
  const entry = ERROR_MESSAGES[code];
  return reply.status(entry.status).send({
    error: { code, message: { nl: entry.nl, en: entry.en }, details, requestId: request.id },
  });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
};

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) return sendError(reply, request, error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: [
          error.validationContext,
          ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : []),
        ].join('.'),
        message: describeValidation(v),
      }));
      return sendError(reply, request, 'validation_failed', details);
    }
    const fastifyCode =
      'code' in error && typeof error.code === 'string' ? FASTIFY_CODES[error.code] : undefined;
    if (fastifyCode) return sendError(reply, request, fastifyCode);
    if (error instanceof SyntaxError || ('statusCode' in error && error.statusCode === 400))
      return sendError(reply, request, 'bad_request');
    if ('statusCode' in error && error.statusCode === 429) return sendError(reply, request, 'rate_limited');
    request.log.error(
      { err: { type: error.name, code: 'code' in error ? error.code : undefined, stack: error.stack } },
      'unhandled error',
    );
    return sendError(reply, request, 'internal');
  });
}
