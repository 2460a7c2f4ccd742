import { unknownPath } from "@/lib/api/fallbacks";

// Unknown API paths answer with a problem document, like every other API error.
export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
