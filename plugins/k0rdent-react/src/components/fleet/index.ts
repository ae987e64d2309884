/*
 * The fleet page: every cluster the user may see, with facets.
 */
export {
  K0rdentFleetPage,
  type K0rdentFleetPageProps,
} from './K0rdentFleetPage';
