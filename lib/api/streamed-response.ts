import type { StreamedBody } from "../operations/define-operation";

/**
 * A file answered as it is made: `onEnd` runs once when the last chunk is read, the stream
 * fails, or the caller goes away, so what the request holds (its report slot) is freed then.
 */
export function streamedResponse(file: StreamedBody, contentType: string, onEnd: () => void): Response {
  const reader = file.stream.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          onEnd();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        onEnd();
        controller.error(error);
      }
    },
    async cancel(reason) {
      onEnd();
      await reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": `${contentType}; charset=utf-8`,
      "content-disposition": `attachment; filename="${file.filename}"`,
    },
  });
}
