import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ERROR_MESSAGES, type ErrorCode, type ErrorDetail } from '../errors/app-error.ts';
import { FIELD_MESSAGES, isFieldMessageKey } from '../errors/field-messages.ts';

const dutch = z.locales.nl().localeError;
const english = z.locales.en().localeError;

type LocaleError = typeof dutch;
type Issue = Parameters<LocaleError>[0];

function worded(locale: LocaleError, issue: Issue, fallback: string): string {
  const result = locale(issue);
  if (typeof result === 'string') return result;
  return result?.message ?? fallback;
}

/** A schema problem in both languages: our own keyed messages, or Zod's nl and en wording. */
function describeIssue(v: ZodFastifySchemaValidationError): ErrorDetail['message'] {
  const text = v.message ?? '';
  if (isFieldMessageKey(text)) return FIELD_MESSAGES[text];
  const issue = { ...v.params, code: v.keyword, path: [], input: undefined } as unknown as Issue;
  return { nl: worded(dutch, issue, text), en: worded(english, issue, text) };
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
        message: describeIssue(v),
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
