/*
 * The k0rdent tab of a template's entity: versions, chain, who uses it.
 */
export {
  EntityK0rdentTemplateContent,
  type EntityK0rdentTemplateContentProps,
} from './EntityK0rdentTemplateContent';
export { isK0rdentTemplateEntity } from './templateRefOfEntity';
